"""Event types learned from our own annotated corpus: the corpus, the sentence encoders, the model and its
training."""
