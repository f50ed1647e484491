"""Test support shipped with the package because scripts use it too: the transform oracle (``oracle``)."""
