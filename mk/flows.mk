# flows area
