# plain area: the line-mode front end
