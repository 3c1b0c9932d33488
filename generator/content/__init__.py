"""Reading a content root: discover the files, load them into a linked corpus, check it."""
