import Fluent
import StoplichtCore
import Vapor

#if canImport(Glibc)
    import Glibc
#endif

extension ReportExport {
    /// The report of a period as the document exports need it, from the same model the
    /// report page is rendered from.
    init(_ model: ReportPageModel) {
        let dimensions = model.rows.contains { !$0.dimensionLights.isEmpty } ? model.context.dimensions : []
        let sections: [ReportExport.Section] = model.sections.map { section in
            let kind = SectionKind(key: section.key)
            return ReportExport.Section(
                heading: ReportPageView.heading(section), body: section.body,
                decisions: kind == .decisions
                    ? model.decisions.map {
                        ($0.text, Strings.decisionState($0.outcome.label, requestedFrom: $0.requestedFrom))
                    } : [],
                risks: kind == .risks
                    ? model.risks.map { risk in
                        (
                            risk.description,
                            [
                                (Strings.cause, risk.cause), (Strings.riskImpact, risk.impact),
                                (Strings.measure, risk.measures),
                            ]
                            .compactMap { label, value in value.flatMap { $0.isEmpty ? nil : (label, $0) } }
                        )
                    } : [],
                isAnnex: section.key == SectionKind.annexes.key, finance: kind == .finance ? model.finance : nil,
                replans: kind == .time && !model.infeasible.isEmpty
                    ? (Strings.infeasibleTitle, model.infeasible.map(Strings.infeasibleLine)) : nil,
                roadmap: kind == .time ? model.roadmap : nil)
        }
        let rows: [ReportExport.Row] = model.rows.map { row in
            ReportExport.Row(
                number: row.number, name: row.name, items: row.items, leaders: row.leaders.map(\.text),
                light: row.light.map(ReportExport.Light.init),
                dimensionLights: dimensions.map { row.dimensionLights[$0.code].map(ReportExport.Light.init) },
                lifecycle: row.lifecycle == .running ? "" : row.lifecycle.label,
                planned: row.plannedDelivery?.description ?? "", forecast: row.forecastDelivery?.description ?? "",
                remarks: row.remarks, explanation: row.explanation)
        }
        let manager = model.officials.names(.programmeManager).first
        self.init(
            title: model.isDraft ? "\(model.title) (\(Strings.draftMark.lowercased()))" : model.title,
            organisation: model.context.organisation.name, programme: model.context.programme.name,
            period: model.period.name,
            cover: model.cover.map { (label: $0.0, value: $0.1) },
            legend: model.context.scale.lights.map { (light: ReportExport.Light($0), meaning: $0.meaning) },
            sections: sections, annexTitle: Strings.annex, dimensions: dimensions.map(\.label), rows: rows,
            author: manager.map { "\($0), \(model.context.organisation.name)" } ?? model.context.organisation.name)
    }
}

/// The formats a report is written in, with their file extension and media type.
enum ExportFormat: String, CaseIterable, Sendable {
    case pdf, odt, docx, html, xlsx, csv

    var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .odt: ODTExport.mediaType
        case .docx: DOCXExport.mediaType
        case .html: "text/html; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .csv: "text/csv; charset=utf-8"
        }
    }

    var label: String {
        switch self {
        case .pdf: "PDF/A (archief, raadsinformatiesysteem)"
        case .odt: "OpenDocument-tekst (.odt)"
        case .docx: "Word (.docx)"
        case .html: "HTML (losse pagina)"
        case .xlsx: "Excel: projecttabel (.xlsx)"
        case .csv: "CSV: projecttabel (puntkomma's)"
        }
    }

    /// "voortgangsrapportage-dienstverlening-juni-t-m-oktober-2018.pdf"; a report not yet
    /// published ends in "-concept".
    func filename(programme: String, period: String, draft: Bool) -> String {
        "voortgangsrapportage-\(programme)-\(period)\(draft ? "-concept" : "").\(rawValue)"
    }
}

/// Writes a period's report in a format: the documents from `ReportExport`, HTML and PDF
/// from the report page (the PDF through the renderer).
enum ReportDocuments {
    /// At most one Word, OpenDocument or Excel file is written a core: each holds its
    /// document's XML and ZIP in memory, so sixteen readers at once would hold sixteen.
    static let slots = RenderSlots(count: max(1, System.coreCount))

    /// A PDF waits for one of `pdfSlots` (the server's: `Application.pdfSlots`); a reader's
    /// (`forReader`) is refused when too many wait already.
    static func render(
        _ model: ReportPageModel, format: ExportFormat, settings: Settings,
        logger: Logger = Logger(label: "stoplicht.documents"), pdfSlots: RenderSlots = PDFRenderer.slots,
        forReader: Bool = false
    ) async throws -> Data {
        switch format {
        case .html: return Data(ReportPageView.page(model, settings: settings, standalone: true).render().utf8)
        case .pdf:
            let html = ReportPageView.page(model, settings: settings, standalone: true).render()
            let title = "\(model.title) — \(model.period.name)"
            return try await PDFRenderer.render(
                html: html, title: title,
                author: ReportExport(model).author, running: model.isDraft ? "\(Strings.draftMark) — \(title)" : nil,
                timeout: settings.pdfTimeoutSeconds,
                environment: PDFRenderer.environment(settings), slots: pdfSlots,
                forReader: forReader, logger: logger)
        case .odt: return try await packaged { try ODTExport.data(ReportExport(model)) }
        case .docx: return try await packaged { try DOCXExport.data(ReportExport(model)) }
        case .xlsx: return try await packaged { try XLSXExport.data(ReportExport(model)) }
        case .csv: return CSVExport.data(ReportExport(model))
        }
    }

    /// A document written in a slot. Its pictures and ZIP take tens of megabytes for a moment;
    /// afterwards the allocator is asked to give the freed pages back, or the server would
    /// keep its peak for good.
    private static func packaged(_ write: () throws -> Data) async throws -> Data {
        let data = try await slots.holding { try write() }
        _ = mallocTrim?(0)
        return data
    }

    /// glibc's `malloc_trim`, which Swift's Glibc module does not declare; nil elsewhere.
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
            // RTLD_DEFAULT: the symbol wherever it is loaded.
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
            return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
            return nil
        #endif
    }()
}
