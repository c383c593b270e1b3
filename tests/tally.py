"""The checks of a test script (tests/xlsx/read.py, tests/browser/dom.py):
each failed one said on a line of its own, then "N M" (passed, failed)."""


class Tally:
    def __init__(self, suite, name):
        self.suite, self.name, self.passed, self.failed = suite, name, 0, 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL %s: %s: %s" % (self.suite, self.name, what))

    def done(self):
        print(self.passed, self.failed)
