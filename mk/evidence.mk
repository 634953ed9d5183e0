# evidence area
