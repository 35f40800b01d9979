import Foundation
import Testing
@testable import InterviewKit
@testable import InterviewTUI

enum Live {
    /// A live state on the built-in bank at a fixed start date, so screens are stable.
    static func state(width: Int = 120, height: Int = 40) throws -> LiveState {
        let bank = try BankLoader.load("machine-learning")
        let engine = SessionEngine(bank: bank, id: "snapshot", candidate: "Ada", interviewer: "Grace",
                                   startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        return LiveState(engine: engine, size: Size(width: width, height: height))
    }

    /// Feeds keys as a person would type them, `t` seconds into the session.
    static func press(_ keys: [Key], _ state: inout LiveState, at t: Double) {
        for key in keys {
            if let action = LiveKeymap.action(for: key, in: state) { LiveReducer.reduce(&state, action, now: t) }
        }
    }

    static func type(_ text: String, _ state: inout LiveState, at t: Double) {
        press(text.map { $0 == "\n" ? Key.enter : .character($0) }, &state, at: t)
    }
}

/// Compares a rendered screen with the text file of the same name in Snapshots/.
/// `INTERVIEW_RECORD_SNAPSHOTS=1 swift test` writes the files anew; a missing file fails.
func assertSnapshot(_ canvas: Canvas, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = folder.appendingPathComponent(name + ".txt")
    let actual = canvas.text + "\n"
    if ProcessInfo.processInfo.environment["INTERVIEW_RECORD_SNAPSHOTS"] != nil {
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no snapshot \(url.path); record it with INTERVIEW_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "screen differs from \(name).txt", sourceLocation: sourceLocation)
}
