enum ConversationPlaceholderToBeReplaced {}
