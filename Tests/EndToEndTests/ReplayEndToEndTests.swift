import Foundation
import InterviewCore
import InterviewStore
import Testing

@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end tests of the screen skipped"))
struct ReplayEndToEndTests {
    @Test func replayShowsTheNotesAtTheEndAndNoneAtTheStart() throws {
        let tmux = try Tmux()
        // Recorded in process: how the live screen records notes is tested there (TypingSafetyTests).
        var engine = SessionEngine(bank: try BankLoader.load("machine-learning"), id: "recorded", candidate: "Replayed",
                                   interviewer: "", startedAt: Date())
        engine.perform(.toggleRubric(0), at: 2)
        engine.perform(.setNotes([NoteLine(at: 3, text: "said something clever 🚀")]), at: 3)
        engine.perform(.next, at: 4)
        engine.perform(.setNotes([NoteLine(at: 1, text: "final words")]), at: 6)
        engine.perform(.end, at: 7)
        let file = tmux.home.appendingPathComponent("recorded.json").path
        try engine.snapshot(at: 7).encoded().write(to: URL(fileURLWithPath: file))

        try tmux.start(["replay", file], name: "replay")
        // The frame's last line, so that the whole frame is read (tmux takes a big write in pieces).
        let start = try tmux.waitFor("⏸ 00:00/", in: "replay")
        #expect(start.contains("Question 1/15"))
        #expect(start.contains("⏸ 00:00/"))
        #expect(!start.contains("said something clever"), "at the start, no note yet")
        #expect(start.contains("Rubric 0/5"))

        try tmux.send("End", to: "replay")
        let end = try tmux.waitFor("final words", in: "replay")
        #expect(end.contains("Question 2/15"), "the end shows the last question with its final notes")
        try tmux.send("[", to: "replay")
        let opened = try tmux.waitUntil {
            let screen = try tmux.screen("replay")
            return screen.contains("Question 2/15") && !screen.contains("final words")
        }
        #expect(opened, "at the moment question 2 opened, its note was not typed yet")
        try tmux.send("[", to: "replay")
        let first = try tmux.waitFor("Question 1/15", in: "replay")
        #expect(!first.contains("said something clever"), "question 1 as it started")
        var steps = 0
        while try !tmux.screen("replay").contains("said something clever 🚀"), steps < 6 {
            // One event at a time: the next key only once this one's frame is on screen,
            // or a busy machine would step past the note before it was ever read.
            let before = try tmux.screen("replay")
            try tmux.send("}", to: "replay")
            _ = try tmux.waitUntil { try tmux.screen("replay") != before }
            steps += 1
        }
        #expect(try tmux.screen("replay").contains("said something clever 🚀"), "} steps event by event to the note")

        try tmux.send("End", "Home", to: "replay")
        let home = try tmux.waitUntil {
            let screen = try tmux.screen("replay")
            return screen.contains("Question 1/15") && screen.contains("Rubric 0/5") && !screen.contains("said something clever")
        }
        #expect(home, "Home: the session as it started, no notes")
        try tmux.send("q", to: "replay")
        #expect(tmux.waitUntil { (try? tmux.isRunning("replay")) == false })
    }

    @Test func aCorruptSessionExitsTwoWithItsPosition() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("broken.json")
        try "{\"format\": \"interview-session\", \"version\": 1, \"id\": ".write(to: file, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: file)
        let result = try Binary.run(["replay", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(file.path):1:"), "stderr: \(result.stderr)")
        #expect(try Data(contentsOf: file) == before, "the file is untouched")
    }
}
