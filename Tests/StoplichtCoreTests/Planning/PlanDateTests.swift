import StoplichtCore
import Testing

@Suite struct PlanDateTests {
    @Test(arguments: [
        ("Q4 2018", PlanDate.quarter(2018, 4), "2018-Q4"),
        ("4e kwartaal 2018", .quarter(2018, 4), "2018-Q4"),
        ("november 2018", .month(2018, 11), "2018-11"),
        ("2e helft 2018", .half(2018, 2), "2018-H2"),
        ("1-1-2019", .day(2019, 1, 1), "2019-01-01"),
        ("5 november 2018", .day(2018, 11, 5), "2018-11-05"),
        ("2021", .year(2021), "2021"),
    ])
    func parsesAndStores(_ text: String, _ expected: PlanDate, _ stored: String) {
        #expect(PlanDate(parsing: text) == expected)
        #expect(expected.storageValue == stored)
        #expect(PlanDate(storageValue: stored) == expected)
    }

    @Test func ordersByTheLastMonthCovered() {
        #expect(PlanDate.month(2018, 11) < .quarter(2018, 4))
        #expect(PlanDate.quarter(2018, 4) < .quarter(2019, 1))
        #expect(!(PlanDate.half(2018, 2) < .quarter(2018, 4)))
    }

    @Test func readsDutchDescriptions() {
        #expect(PlanDate.half(2018, 2).description == "2e helft 2018")
        #expect(PlanDate.month(2018, 11).description == "november 2018")
    }

    @Test func periodSpanFromItsName() {
        let span = PeriodSpan(name: "juni t/m oktober 2018")
        #expect(span?.start == .day(2018, 6, 1))
        #expect(span?.end == .day(2018, 10, 31))
        #expect(PeriodSpan(name: "november 2018 t/m februari 2019")?.end == .day(2019, 2, 28))
        #expect(PeriodSpan(name: "tweede rapportage") == nil)
    }
}
