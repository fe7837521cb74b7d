"""Frames: dictionary coding and a trainable frame classifier."""

from .classifier import FrameClassifier, cross_validate_frames, frame_labels
from .dictionary import SCHEMES, frame_questions, frames, read_frame_dictionary

__all__ = ["frames", "frame_questions", "read_frame_dictionary", "SCHEMES", "FrameClassifier",
           "cross_validate_frames", "frame_labels"]
