# expr area: the condition language
