# store area
