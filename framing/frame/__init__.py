"""Frames: dictionary coding, a trainable frame classifier and embedding frame axes."""

from .axes import frame_axes, word2vec_vectors
from .classifier import FrameClassifier, cross_validate_frames, frame_labels
from .dictionary import SCHEMES, frame_questions, frames, read_frame_dictionary

__all__ = ["frames", "frame_questions", "read_frame_dictionary", "SCHEMES", "FrameClassifier",
           "cross_validate_frames", "frame_labels", "frame_axes", "word2vec_vectors"]
