enum CommandsPlaceholderToBeReplaced {}
