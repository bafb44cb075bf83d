"""Event types learned from our own annotated corpus: the corpus, the sentence encoder, the model and its training."""
