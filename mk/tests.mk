# tests area
