import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewStore
@testable import InterviewTUI

enum Live {
    /// A live state on the built-in bank at a fixed start date, so screens are stable.
    static func state(width: Int = 120, height: Int = 40) throws -> LiveState {
        let bank = try BankLoader.load("machine-learning")
        let engine = SessionEngine(bank: bank, id: "snapshot", candidate: "Ada", interviewer: "Grace",
                                   startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        return LiveState(engine: engine, size: Size(width: width, height: height))
    }

    /// Feeds keys as the program reads them, `t` seconds into the session: each key's bytes
    /// through the program's `KeyDecoder` (a lone Esc once its escape delay has passed, as
    /// when typed by hand), then the command grammar of the table in force.
    static func press(_ keys: [Key], _ state: inout LiveState, at t: Double) {
        var decoder = KeyDecoder()
        for key in keys {
            var decoded = decoder.feed(Array(key.bytes.utf8))
            if decoder.isPending { decoded += decoder.timeout() }
            for input in decoded.map(TerminalInput.init) {
                for action in LiveProgram.actions(for: input, in: state) { LiveReducer.reduce(&state, action, now: t) }
            }
        }
    }

    /// Commands: `Esc` then each key of `keys` (`"n"` is Esc n; `"r3"` is Esc r then 3).
    static func command(_ keys: String, _ state: inout LiveState, at t: Double) {
        press([.escape] + keys.map { Key.character($0) }, &state, at: t)
    }

    /// Text typed key by key (a line break is Enter).
    static func type(_ text: String, _ state: inout LiveState, at t: Double) {
        press(text.map { $0 == "\n" ? Key.enter : .character($0) }, &state, at: t)
    }

    /// Bytes as a terminal sends them, decoded by the program's decoder (a lone ESC at the
    /// end is Esc once the escape delay passes).
    static func send(_ bytes: String, _ state: inout LiveState, at t: Double) {
        var decoder = KeyDecoder()
        for decoded in decoder.feed(Array(bytes.utf8)) + decoder.timeout() {
            for action in LiveProgram.actions(for: TerminalInput(decoded), in: state) { LiveReducer.reduce(&state, action, now: t) }
        }
    }
}

/// The letter of each role in a snapshot's style grid, so that a clock turning amber,
/// the focus moving or the share-safe banner going shows as a changed snapshot.
let roleLetters: [Role: Character] = [
    .body: ".", .border: "b", .borderFocused: "B", .title: "t", .titleFocused: "T", .emphasis: "e", .strong: "s",
    .code: "c", .dim: "d", .rubricChecked: "X", .rubricUnchecked: "x", .stamp: "m", .clockOK: "g", .clockWarn: "a",
    .clockOver: "r", .banner: "!", .status: "_", .statusKey: "k", .warning: "w", .help: "h", .timeline: "l",
    .control: "^", .rating: "R",
]

extension Canvas {
    /// A grid of role letters (`roleLetters`), a letter per cell, under the text grid.
    var styleText: String {
        (0..<height).map { y in String((0..<width).map { x in roleLetters[self[x, y].style.role] ?? "?" }) }.joined(separator: "\n")
    }

    /// The role of the cell at the first place `text` shows on the screen.
    func role(of text: String) -> Role? {
        let rows = self.text.split(separator: "\n", omittingEmptySubsequences: false)
        for (y, row) in rows.enumerated() {
            guard let range = row.range(of: text) else { continue }
            var x = 0
            for character in row[..<range.lowerBound] { x += DisplayWidth.of(character) }
            return self[x, y].style.role
        }
        return nil
    }
}

/// Compares a rendered screen with the file of the same name in Snapshots/: the text,
/// then each cell's role (`roleLetters`). `INTERVIEW_RECORD_SNAPSHOTS=1 swift test`
/// writes the files anew; a missing file fails.
func assertSnapshot(_ canvas: Canvas, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = folder.appendingPathComponent(name + ".txt")
    let actual = canvas.text + "\n" + "--- styles ---\n" + canvas.styleText + "\n"
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
