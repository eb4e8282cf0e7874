-- just a comment
# another
/* and one that never ends