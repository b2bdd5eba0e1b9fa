import StoplichtCore
import Vapor

/// A project leader's update of one status as the form sent it, checked against the
/// programme's scale and dimensions. Every value is kept as typed, so a refused form comes
/// back filled in and nothing is lost.
struct StatusInput: Sendable, Equatable {
    var light: String?
    /// Light code per dimension code; a dimension left empty has no light.
    var dimensionLights: [String: String] = [:]
    var lifecycle: Lifecycle = .running
    var remarks = ""
    var achieved = ""
    var plannedNext = ""
    var planned = ""
    var forecast = ""
    var plannedStart = ""
    var forecastStart = ""
    var cause = ""
    var consequence = ""
    var measure = ""
    /// The status's revision the form showed.
    var revision = 0

    static let maximumTextLength = 20_000

    init(form fields: FormFields, dimensions: [ProgrammeDimension]) {
        light = fields.text(StatusField.light).isEmpty ? nil : fields.text(StatusField.light)
        for dimension in dimensions {
            let value = fields.text(StatusField.dimension(dimension.code))
            if !value.isEmpty { dimensionLights[dimension.code] = value }
        }
        lifecycle = Lifecycle(rawValue: fields.text(StatusField.lifecycle)) ?? .running
        remarks = fields.text(StatusField.remarks)
        achieved = fields.text(StatusField.achieved)
        plannedNext = fields.text(StatusField.plannedNext)
        planned = fields.text(StatusField.planned)
        forecast = fields.text(StatusField.forecast)
        plannedStart = fields.text(StatusField.plannedStart)
        forecastStart = fields.text(StatusField.forecastStart)
        cause = fields.text(StatusField.cause)
        consequence = fields.text(StatusField.consequence)
        measure = fields.text(StatusField.measure)
        revision = Int(fields.text(StatusField.revision)) ?? 0
    }

    /// The API's body, read as the form is read (text cleaned the same way, lights of
    /// dimensions the programme does not have ignored), with the revision from If-Match.
    init(api body: StatusesAPI.StatusBody, revision: Int, dimensions: [ProgrammeDimension]) {
        let text = FormFields.cleaned
        light = text(body.light ?? "").isEmpty ? nil : text(body.light ?? "")
        for dimension in dimensions {
            let value = text(body.dimensionLights[dimension.code] ?? "")
            if !value.isEmpty { dimensionLights[dimension.code] = value }
        }
        lifecycle = Lifecycle(rawValue: text(body.lifecycle)) ?? .running
        remarks = text(body.remarks)
        achieved = text(body.achieved)
        plannedNext = text(body.plannedNext)
        planned = text(body.plannedDelivery)
        forecast = text(body.forecastDelivery)
        plannedStart = text(body.plannedStart)
        forecastStart = text(body.forecastStart)
        cause = text(body.cause)
        consequence = text(body.consequence)
        measure = text(body.measure)
        self.revision = revision
    }

    init(status: ProjectStatus?, dimensionLights: [StatusDimensionLight]) {
        guard let status else { return }
        light = status.light
        self.dimensionLights = Dictionary(
            dimensionLights.map { ($0.dimension, $0.light) }, uniquingKeysWith: { a, _ in a })
        lifecycle = status.lifecycle
        remarks = status.remarks
        achieved = status.achieved ?? ""
        plannedNext = status.plannedNext ?? ""
        planned = status.planned?.description ?? ""
        forecast = status.forecast?.description ?? ""
        plannedStart = status.plannedStart.flatMap(PlanDate.init(storageValue:))?.description ?? ""
        forecastStart = status.forecastStart.flatMap(PlanDate.init(storageValue:))?.description ?? ""
        cause = status.cause ?? ""
        consequence = status.consequence ?? ""
        measure = status.measure ?? ""
        revision = status.revision
    }

    /// What is wrong, per form field, in Dutch; empty when the input can be saved.
    func problems(scale: LightScale, dimensions: [ProgrammeDimension]) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if let light, scale.light(light) == nil {
            problems.append(FieldProblem(field: StatusField.light, message: Strings.unknownLight(light, scale: scale)))
        }
        for dimension in dimensions {
            if let code = dimensionLights[dimension.code], scale.light(code) == nil {
                problems.append(
                    FieldProblem(
                        field: StatusField.dimension(dimension.code),
                        message: "\(dimension.label): \(Strings.unknownLight(code, scale: scale))"))
            }
        }
        for (field, label, value) in [
            (StatusField.planned, Strings.plannedDelivery, planned), (.forecast, Strings.forecastDelivery, forecast),
            (.plannedStart, Strings.plannedStart, plannedStart), (.forecastStart, Strings.forecastStart, forecastStart),
        ]
        where !value.isEmpty && PlanDate(parsing: value) == nil {
            problems.append(FieldProblem(field: field, message: Strings.notAPlanDate(label, value)))
        }
        for (field, label, value) in [
            (StatusField.remarks, Strings.remarks, remarks), (.achieved, Strings.achieved, achieved),
            (.plannedNext, Strings.plannedNext, plannedNext), (.cause, Strings.cause, cause),
            (.consequence, Strings.consequence, consequence), (.measure, Strings.measure, measure),
        ]
        where value.count > Self.maximumTextLength {
            problems.append(FieldProblem(field: field, message: Strings.textTooLong(label, Self.maximumTextLength)))
        }
        let lights = ([light] + dimensionLights.values.map(Optional.some)).compactMap { scale.light($0) }
        if let needing = lights.first(where: LightExplanation.isRequired) {
            for part in LightExplanation.missingParts(cause: cause, consequence: consequence, measure: measure) {
                problems.append(
                    FieldProblem(
                        field: StatusField(part), message: Strings.explanationRequired(part, light: needing.label)))
            }
        }
        return problems
    }

    var plannedDate: PlanDate? { PlanDate(parsing: planned) }
    var forecastDate: PlanDate? { PlanDate(parsing: forecast) }
    var plannedStartDate: PlanDate? { PlanDate(parsing: plannedStart) }
    var forecastStartDate: PlanDate? { PlanDate(parsing: forecastStart) }

    /// The fields as the audit trail and the conflict page name them, with their values.
    func described(scale: LightScale, dimensions: [ProgrammeDimension]) -> [(field: String, value: String)] {
        var fields: [(String, String)] = [(Strings.light, scale.light(light)?.label ?? Strings.noStatus)]
        for dimension in dimensions {
            fields.append((dimension.label, scale.light(dimensionLights[dimension.code])?.label ?? "—"))
        }
        fields += [
            (Strings.lifecycle, lifecycle.label), (Strings.remarks, remarks), (Strings.achieved, achieved),
            (Strings.plannedNext, plannedNext),
            (Strings.plannedStart, plannedStartDate?.description ?? plannedStart),
            (Strings.forecastStart, forecastStartDate?.description ?? forecastStart),
            (Strings.plannedDelivery, plannedDate?.description ?? planned),
            (Strings.forecastDelivery, forecastDate?.description ?? forecast),
            (Strings.cause, cause), (Strings.consequence, consequence), (Strings.measure, measure),
        ]
        return fields
    }
}

/// The status form's fields, by the names the form posts.
enum StatusField: String, CaseIterable, FormField {
    case light = "licht"
    case lifecycle = "levensfase"
    case remarks = "opmerkingen"
    case achieved = "bereikt"
    case plannedNext = "volgende"
    case plannedStart = "start-gepland"
    case forecastStart = "start-verwacht"
    case planned = "gepland"
    case forecast = "verwacht"
    case cause = "oorzaak"
    case consequence = "gevolg"
    case measure = "maatregel"
    /// The status's revision the form showed (hidden).
    case revision = "revisie"
    /// The checkbox that says last period's explanation still holds ("ja").
    case explanationConfirmed = "toelichting-bevestigd"

    /// A dimension's light: `dimensie-CODE`.
    static func dimension(_ code: String) -> NumberedField { NumberedField("dimensie", code) }

    /// The field of a missing part of the explanation.
    init(_ part: LightExplanation.Part) {
        switch part {
        case .cause: self = .cause
        case .consequence: self = .consequence
        case .measure: self = .measure
        }
    }
}

/// A refused form field and why.
struct FieldProblem: Sendable, Equatable {
    var field: String
    var message: String
}
