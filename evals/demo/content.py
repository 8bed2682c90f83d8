def write_content(out, world):
    return 0
def write_campaigns(out):
    return 0
