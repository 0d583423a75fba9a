"""公安信用监管平台: credit supervision for public-security bureaus."""
