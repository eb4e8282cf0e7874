enum LineEditingPlaceholderToBeReplaced {}
