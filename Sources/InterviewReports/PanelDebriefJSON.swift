import InterviewCore

/// The panel debrief as JSON (`interview debrief --format json` of a panel): every key
/// always present, `null` for a missing figure (docs/panel.md).
extension PanelDebrief {
    public static let jsonFormat = "interview-panel-debrief"

    struct Document: Encodable {
        struct Member: Encodable {
            var name: String
            var role: SessionFile.Panel.Role
            var status: SessionStatus
            var submitted: Bool
            var file: String
        }

        struct Mark: Encodable {
            var name: String
            var role: SessionFile.Panel.Role
            @Nullable var rating: Double?
            var notes: [String]
        }

        struct Row: Encodable {
            var title: String
            @Nullable var spread: Double?
            @Nullable var mean: Double?
            @Nullable var implied: String?
            var marks: [Mark]
            var shadows: [Mark]
        }

        var format = PanelDebrief.jsonFormat
        var version = 1
        var candidate, bank, startedAt: String
        var partial: Bool
        var members: [Member]
        var recommendation: Row
        var questions: [Row]
        var competencies: [Row]
    }

    public func json() -> String {
        func mark(_ m: PanelDebrief.Mark) -> Document.Mark {
            Document.Mark(name: members[m.member].name, role: members[m.member].role, rating: m.rating, notes: m.notes)
        }
        func row(_ r: Row) -> Document.Row {
            Document.Row(title: r.title, spread: r.spread, mean: r.mean, implied: r.mean.map(Self.implied), marks: r.marks.map(mark),
                         shadows: r.shadows.map(mark))
        }
        return ReportText.jsonText(Document(
            candidate: candidate, bank: bankTitle, startedAt: startedAt, partial: partial && !unsubmitted.isEmpty,
            members: members.map { Document.Member(name: $0.name, role: $0.role, status: $0.status, submitted: $0.submitted, file: $0.file) },
            recommendation: row(recommendation), questions: questions.map(row), competencies: competencies.map(row)))
    }
}
