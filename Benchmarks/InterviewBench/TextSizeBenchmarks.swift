import Foundation
import InterviewCore
import InterviewStore
import InterviewReports
import InterviewPrivacy

/// Work that grows with one text's size, once quadratic (issue 26): `redact --deleted`
/// on one pasted note of 40,000 lines, and the HTML report of a question whose prompt is
/// 12,000 characters long. Both must stay linear: the targets are in `scripts/bench`.
enum TextSizeBenchmarks {
    static func run(_ watch: inout Stopwatch) throws {
        let bank = try BankLoader.load("machine-learning")
        let startedAt = Date(timeIntervalSince1970: 1_800_000_000)

        var pasted = SessionEngine(bank: bank, id: "bench-redact", candidate: "Bench", interviewer: "Grace", startedAt: startedAt)
        let page = (0..<40_000).map { NoteLine(at: 1, text: "line \($0) of a pasted page, as long as a line of notes is") }
        pasted.perform(.setNotes(page), at: 2)
        pasted.perform(.setNotes(Array(page[..<20_000]) + Array(page[20_010...])), at: 3)
        let file = pasted.snapshot(at: 4)
        try watch.measure("redact-deleted-40k", "`redact --deleted` of one pasted note of 40,000 lines, 10 of them deleted (in process)", repeat: 3) {
            let document = RedactionDocument(file: file, name: "bench.json")
            _ = try document.apply(document.textWithoutDeleted, file: "bench.txt", now: startedAt)
        }

        var asked = SessionEngine(bank: bank, id: "bench-html", candidate: "Bench", interviewer: "Grace", startedAt: startedAt)
        asked.perform(.addQuestion(String(repeating: "Why would this model overfit? ", count: 400)), at: 1)
        asked.perform(.end, at: 2)
        let report = SessionReport(asked.snapshot(at: 2), file: "bench.json")
        watch.measure("html-12k-prompt", "`report --format html` of a session with a 12,000-character prompt (in process)", repeat: 5) {
            _ = Scorecard.render([report], as: .html)
        }
    }
}
