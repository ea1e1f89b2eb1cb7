"""CNN Playground: build, train and see convolutional neural networks."""

__version__ = "0.1.0"
