import Foundation
import Testing

@testable import Stoplicht

/// The Date header of Stoplicht's own server: RFC 9110's IMF-fixdate, in GMT, with two-digit
/// days and times (the expected values are Python's `email.utils.formatdate(t, usegmt=True)`).
@Suite struct DateHeaderTests {
    @Test(arguments: [
        (0, "Thu, 01 Jan 1970 00:00:00 GMT"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
        (1_780_000_000, "Thu, 28 May 2026 20:26:40 GMT"),
        (1_798_761_599, "Thu, 31 Dec 2026 23:59:59 GMT"),
    ])
    func formatsAMomentAsIMFFixdate(seconds: Int, expected: String) {
        #expect(DateHeader.format(time_t(seconds)) == expected)
    }

    @Test func givesTheCurrentSecond() {
        var header = DateHeader()
        let before = time(nil)
        let value = header.now()
        let after = time(nil)
        #expect([before, after].map(DateHeader.format).contains(value))
    }
}
