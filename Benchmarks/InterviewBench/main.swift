import Foundation
import InterviewKit
import InterviewTUI

// Measures the speed targets of README. Run: swift run -c release interview-bench
// (The bank parser has its own: scripts/bench-validate.sh.)

func measure(_ label: String, repeat count: Int = 1, _ body: () throws -> Void) rethrows -> Double {
    let clock = SystemClock()
    let start = clock.now()
    for _ in 0..<count { try body() }
    let seconds = (clock.now() - start) / Double(count)
    let text = seconds < 0.001 ? String(format: "%.1f µs", seconds * 1e6) : String(format: "%.2f ms", seconds * 1e3)
    print("\(label): \(text)")
    return seconds
}

// A 2-hour interview with 20,000 events on the built-in bank.
let bank = try BankLoader.load("machine-learning")
var engine = SessionEngine(bank: bank, id: "bench", candidate: "Bench", interviewer: "Bench", startedAt: Date())
var rng = SystemRandomNumberGenerator()
var t = 0.0
var notes: [NoteLine] = []
while engine.file.events.count < 20_000 {
    t += 7200.0 / 20_000
    switch Int.random(in: 0..<10, using: &rng) {
    case 0: engine.perform(.next, at: t)
    case 1: engine.perform(.previous, at: t)
    case 2: engine.perform(.toggleRubric(Int.random(in: 0..<5, using: &rng)), at: t)
    case 3: engine.perform(.rate(Int.random(in: 1...4, using: &rng)), at: t)
    default:
        notes = engine.state.questions[engine.state.current].notes
        if notes.isEmpty || Int.random(in: 0..<4, using: &rng) == 0 {
            notes.append(NoteLine(at: t, text: ""))
        }
        notes[notes.count - 1].text += "a few words typed in a burst "
        engine.perform(.setNotes(notes), at: t)
    }
}
print("session: \(engine.file.events.count) events over \(Int(t / 60)) minutes")

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("interview-bench-\(getpid())")
defer { try? FileManager.default.removeItem(at: folder) }
let url = folder.appendingPathComponent("bench.json")
let saver = SessionSaver(url: url)

let file = engine.snapshot(at: t)
let data = try file.encoded()
print("session file: \(data.count / 1024) KiB")
_ = try measure("encode the session (background thread)", repeat: 5) { _ = try file.encoded() }
_ = try measure("encode and write it durably (background thread)", repeat: 5) {
    try SessionStore.writeAtomically(try file.encoded(), to: url)
}
_ = try measure("decode it (resume, replay)", repeat: 5) { _ = try SessionFile.decode(data, file: "bench.json") }
_ = measure("fold 20,000 events into state (resume)", repeat: 5) { _ = file.finalState }

// The interface's share of a keystroke that changes the session: record the event,
// take the snapshot, hand it to the saver. Encoding and writing happen elsewhere.
var keystrokes = 0.0
_ = measure("keystroke: event + snapshot + hand-over to the saver (interface thread)", repeat: 2000) {
    keystrokes += 1
    engine.perform(.toggleRubric(0), at: t + keystrokes / 100)
    saver.save(engine.snapshot(at: t + keystrokes / 100))
}
saver.flush()

var state = LiveState(engine: engine, size: Size(width: 120, height: 40))
state.now = t + 30
_ = measure("render a 120x40 frame", repeat: 200) { _ = LiveScreen.render(state) }
state.size = Size(width: 200, height: 60)
_ = measure("render a 200x60 frame", repeat: 200) { _ = LiveScreen.render(state) }

// Replay: seeking anywhere in the 2-hour session, then drawing the frame.
let timeline = Timeline(engine.snapshot(at: t + 10))
var replay = ReplayState(file: timeline.file, size: Size(width: 120, height: 38))
_ = measure("replay: build the timeline's checkpoints", repeat: 3) { _ = Timeline(timeline.file) }
_ = measure("replay: seek to a random moment and draw the 120x40 frame", repeat: 500) {
    replay.seek(to: Double.random(in: 0...timeline.end, using: &rng))
    _ = ReplayScreen.render(replay)
}
