@testable import DataModelDocument
import Testing

/// The one formatter every figure in the document goes through.
@Suite struct NumberFormattingTests {
    typealias Number = DataModelDocument.Number

    @Test(arguments: [
        (32.85, "$32.85"), (0, "$0.00"), (0.004, "$0.00"), (0.005, "$0.01"), (1_204.1, "$1,204.10"), (16.425, "$16.43"),
        (1_234_567.891, "$1,234,567.89"),
    ])
    func money(value: Double, expected: String) {
        #expect(Number.money(value) == expected)
    }

    @Test(arguments: [
        (2_628_000.0, "2,628,000"), (0.5, "0.5"), (12.3456, "12.346"), (999.0, "999"), (1_000.0, "1,000"), (-1_500.25, "-1,500.25"),
        (0.0001, "0"),
    ])
    func decimal(value: Double, expected: String) {
        #expect(Number.decimal(value) == expected)
    }

    @Test(arguments: [(0.25, "$0.25"), (0.125, "$0.125"), (0.00065, "$0.00065"), (1.0, "$1.00"), (0.1, "$0.10")])
    func price(value: Double, expected: String) {
        #expect(Number.price(value) == expected)
    }

    @Test func percentagesGigabytesAndCounts() {
        #expect(Number.percent(0.2) == "20%")
        #expect(Number.percent(1.0 / 3) == "33.3%")
        #expect(Number.gigabytes(0.0378) == "0.038")
        #expect(Number.gigabytes(0.0001) == "<0.001")
        #expect(Number.gigabytes(0) == "0")
        #expect(Number.count(1_234_567) == "1,234,567")
        #expect(Number.whole(262_800_000.4) == "262,800,000")
        #expect(Number.bytes(1_234) == "1,234 B")
    }
}
