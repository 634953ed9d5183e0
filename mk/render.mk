# render area
