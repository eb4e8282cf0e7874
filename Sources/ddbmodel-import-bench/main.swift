print("placeholder replaced by the import benchmark")
