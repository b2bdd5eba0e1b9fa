import Foundation
import StoplichtCore
import Testing

@testable import Stoplicht

/// The API builds a `StatusInput` from its JSON body, the web form from its fields: the
/// same update must give the same input either way (text cleaned alike, lights of
/// dimensions the programme lacks ignored, empty lights none), so both are checked and
/// saved alike.
@Suite struct StatusInputTests {
    @Test func theAPIBodyReadsAsTheSameFormWould() {
        let dimensions = [
            ProgrammeDimension(
                programmeID: UUID(), dimension: ReportingDimension(code: "planning", label: "Planning"), position: 0),
            ProgrammeDimension(
                programmeID: UUID(), dimension: ReportingDimension(code: "budget", label: "Budget"), position: 1),
        ]
        let body = StatusesAPI.StatusBody(
            light: " oranje\r\n", dimensionLights: ["planning": "rood ", "budget": "", "onbekend": "groen"],
            lifecycle: "lopend",
            remarks: "  Eerste regel\r\ntweede regel\r", achieved: "\tVeel", plannedNext: "", plannedStart: " 2018 ",
            forecastStart: "Q1 2019",
            plannedDelivery: "2019", forecastDelivery: " 2020", cause: "Leverancier\r\nvalt uit ", consequence: "Later",
            measure: " Tweede ")
        var fields = StatusField.form([
            .light: body.light ?? "", .lifecycle: body.lifecycle, .remarks: body.remarks, .achieved: body.achieved,
            .plannedNext: body.plannedNext,
            .plannedStart: body.plannedStart, .forecastStart: body.forecastStart, .planned: body.plannedDelivery,
            .forecast: body.forecastDelivery,
            .cause: body.cause, .consequence: body.consequence, .measure: body.measure, .revision: "7",
        ])
        for (code, light) in body.dimensionLights { fields[StatusField.dimension(code).name] = light }

        let fromAPI = StatusInput(api: body, revision: 7, dimensions: dimensions)
        #expect(fromAPI == StatusInput(form: FormFields(fields), dimensions: dimensions))
        // What both read, stated independently of either reader.
        #expect(fromAPI.light == "oranje")
        #expect(fromAPI.dimensionLights == ["planning": "rood"])
        #expect(fromAPI.remarks == "Eerste regel\ntweede regel")
        #expect(fromAPI.cause == "Leverancier\nvalt uit" && fromAPI.measure == "Tweede" && fromAPI.achieved == "Veel")
        #expect(fromAPI.plannedStart == "2018" && fromAPI.forecast == "2020" && fromAPI.revision == 7)
    }

    @Test func noLightInTheAPIBodyIsNoLight() {
        let body = StatusesAPI.StatusBody(
            light: nil, dimensionLights: [:], lifecycle: "opgeleverd", remarks: "", achieved: "", plannedNext: "",
            plannedStart: "", forecastStart: "", plannedDelivery: "", forecastDelivery: "", cause: "",
            consequence: "", measure: "")
        let input = StatusInput(api: body, revision: 0, dimensions: [])
        #expect(input.light == nil)
        #expect(input.lifecycle == .delivered)
        #expect(
            input
                == StatusInput(
                    form: FormFields(StatusField.form([.lifecycle: "opgeleverd", .revision: "0"])), dimensions: []))
    }
}
