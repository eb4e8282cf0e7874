enum SessionStorePlaceholderToBeReplaced {}
