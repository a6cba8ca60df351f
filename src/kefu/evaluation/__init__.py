"""Measurement: how well kefu retrieves, answers and declines."""
