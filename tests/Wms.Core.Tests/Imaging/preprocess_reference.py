"""Writes the original's preprocessing of each photo as raw CHW uint8 (torch_reference.preprocess * 255)."""
import sys

sys.path.insert(0, sys.argv[1])  # the folder holding torch_reference.py
import numpy as np
import torch_reference

for image, out in zip(sys.argv[2::2], sys.argv[3::2]):
    x = torch_reference.preprocess(image)[0].numpy()
    np.round(x * 255).astype(np.uint8).tofile(out)
