# flow area
