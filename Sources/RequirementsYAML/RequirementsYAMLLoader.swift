enum YAMLPlaceholderToBeReplaced {}
