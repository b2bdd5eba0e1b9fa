import Foundation
import StoplichtCore
import Testing

@Suite struct StatusChangeTests {
    let scale = LightScale.standard
    func status(_ code: String?, _ delivery: PlanDate? = nil) -> StatusChange.Status {
        StatusChange.Status(light: scale.light(code), delivery: delivery)
    }

    @Test func lightsUpAndDown() {
        #expect(
            StatusChange.between(previous: status("groen"), current: status("oranje"), hasPreviousPeriod: true) == [
                .worse(from: scale.light("groen")!)
            ])
        #expect(
            StatusChange.between(previous: status("rood"), current: status("oranje"), hasPreviousPeriod: true) == [
                .better(from: scale.light("rood")!)
            ])
        #expect(
            StatusChange.between(previous: status("oranje"), current: status("oranje"), hasPreviousPeriod: true) == [])
    }

    @Test func newAndFinishedProjects() {
        #expect(StatusChange.between(previous: nil, current: status("groen"), hasPreviousPeriod: true) == [.new])
        #expect(StatusChange.between(previous: nil, current: status("groen"), hasPreviousPeriod: false) == [])
        #expect(
            StatusChange.between(previous: status("oranje"), current: status("grijs"), hasPreviousPeriod: true) == [
                .finished
            ])
        #expect(
            StatusChange.between(previous: status(nil), current: status("grijs"), hasPreviousPeriod: true) == [
                .finished
            ])
        #expect(
            StatusChange.between(previous: status("grijs"), current: status("grijs"), hasPreviousPeriod: true) == [])
        #expect(StatusChange.between(previous: status("groen"), current: nil, hasPreviousPeriod: true) == [])
    }

    @Test func deliveryMovedAtItsPrecision() {
        let moved = StatusChange.between(
            previous: status("groen", .quarter(2018, 4)), current: status("oranje", .quarter(2019, 1)),
            hasPreviousPeriod: true)
        #expect(
            moved == [.worse(from: scale.light("groen")!), .delayed(from: .quarter(2018, 4), to: .quarter(2019, 1))])
        #expect(
            StatusChange.between(
                previous: status("groen", .month(2019, 2)), current: status("groen", .quarter(2018, 4)),
                hasPreviousPeriod: true)
                == [.earlier(from: .month(2019, 2), to: .quarter(2018, 4))])
        // "Q4 2018" runs to the end of December: later than "november 2018".
        #expect(
            StatusChange.between(
                previous: status("groen", .month(2018, 11)), current: status("groen", .quarter(2018, 4)),
                hasPreviousPeriod: true)
                == [.delayed(from: .month(2018, 11), to: .quarter(2018, 4))])
    }
}
