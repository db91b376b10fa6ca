import PCLSyntax
print("pcplan-bench: placeholder")
