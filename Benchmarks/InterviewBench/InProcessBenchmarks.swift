import Foundation
import InterviewCore
import InterviewStore
import InterviewSamples
import InterviewTUI

/// The costs inside the program that a terminal cannot see apart: a keystroke's share
/// of the interface thread, saving, decoding and folding a long session, drawing a
/// frame, seeking in replay. All on a 2-hour session of 20,000 events.
enum InProcessBenchmarks {
    static func run(scratch folder: URL) throws -> Stopwatch {
        var watch = Stopwatch()
        var rng = SeededRandom(seed: 20_000)
        var (engine, t) = SampleSessions.long(bank: try BankLoader.load("machine-learning"), rng: &rng)

        let url = folder.appendingPathComponent("long-session.json")
        let file = engine.snapshot(at: t)
        let data = try file.encoded()
        try watch.measure("encode", "encode the 20,000-event session (\(data.count / 1024) KiB of JSON)", repeat: 5) {
            _ = try file.encoded()
        }
        try watch.measure("save", "save the 20,000-event session: encode, write, fsync, rename (background thread)", repeat: 5) {
            try SessionStore.writeAtomically(try file.encoded(), to: url)
        }
        try watch.measure("decode", "decode the 20,000-event session file (resume, replay)", repeat: 5) {
            _ = try SessionFile.decode(data, file: url.lastPathComponent)
        }
        watch.measure("fold", "fold the 20,000 events into state (resume)", repeat: 5) { _ = file.finalState }

        // The interface's share of a keystroke that changes the session: record the event,
        // take the snapshot, hand it to the saver. Encoding and writing happen elsewhere.
        let saver = SessionSaver(url: url)
        var keystrokes = 0.0
        watch.measure("keystroke", "keystroke on that session, interface thread: event + snapshot + hand-over to the saver", repeat: 2000) {
            keystrokes += 1
            engine.perform(.toggleRubric(0), at: t + keystrokes / 100)
            saver.save(engine.snapshot(at: t + keystrokes / 100))
        }
        saver.flush()

        var state = LiveState(engine: engine, size: Size(width: 120, height: 40))
        state.now = t + 30
        watch.measure("render-120x40", "draw a 120x40 frame of the live screen", repeat: 200) {
            _ = LiveScreen.render(state)
        }
        state.size = Size(width: 200, height: 60)
        watch.measure("render-200x60", "draw a 200x60 frame of the live screen", repeat: 200) {
            _ = LiveScreen.render(state)
        }

        let timeline = Timeline(engine.snapshot(at: t + 10))
        var replay = ReplayState(file: timeline.file, size: Size(width: 120, height: 38))
        watch.measure("replay-checkpoints", "replay of that session: build the timeline's checkpoints", repeat: 3) {
            _ = Timeline(timeline.file)
        }
        watch.measure("replay-seek", "replay of that session: seek to a random moment and draw the 120x40 frame", repeat: 500) {
            replay.seek(to: Double.random(in: 0...timeline.end, using: &rng))
            _ = ReplayScreen.render(replay)
        }
        try TextSizeBenchmarks.run(&watch)
        return watch
    }
}
