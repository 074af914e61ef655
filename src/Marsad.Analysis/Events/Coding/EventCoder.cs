using System.Reflection;
using Marsad.Analysis.Documents;
using Marsad.Analysis.Text;

namespace Marsad.Analysis.Events.Coding;

/// <summary>
/// The trained half of event coding: the rules propose candidates (<see cref="EventCandidate"/>), this decides. The
/// argument model gives each actor mention around a trigger a role (source, target or none), decoded so an event has
/// at most one source set and one target set and no actor plays both; the trigger model then gives the event a
/// confidence (how likely type, source and target are all right). Immutable and thread-safe.
/// </summary>
public sealed class EventCoder
{
    /// <summary>
    /// The confidence at or above which outputs show an event by default: the threshold with the best F0.5 (precision
    /// weighed twice recall) in the tune half's cross-validation, rounded (<c>coder train</c> prints it; docs/events.md).
    /// </summary>
    public const double DefaultThreshold = 0.50;

    /// <summary>The default threshold as help and API texts print it ("0.5").</summary>
    public static string DefaultThresholdText => DefaultThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private const string ModelResource = "Marsad.Resources.events.coder-model.tsv";
    private static readonly string[] ArgumentClasses = ["none", "source", "target"];
    private static readonly string[] TriggerClasses = ["wrong", "right"];

    public EventCoder(LogisticModel arguments, LogisticModel triggers, PlattCalibration calibration)
    {
        Arguments = arguments;
        Triggers = triggers;
        Calibration = calibration;
    }

    public LogisticModel Arguments { get; }
    public LogisticModel Triggers { get; }
    /// <summary>Turns the trigger model's probability into the event's confidence (fitted on held-out scores).</summary>
    public PlattCalibration Calibration { get; }

    /// <summary>The committed model, or null when the build carries none (the rules' events are then used as they are).</summary>
    public static EventCoder? LoadDefault()
    {
        using var stream = typeof(EventCoder).Assembly.GetManifestResourceStream(ModelResource);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return Read(reader);
    }

    public static EventCoder Read(TextReader reader)
    {
        string? line;
        while ((line = reader.ReadLine()) is not null && line.StartsWith('#')) { }
        if (line != "[arguments]") throw new InvalidDataException("coder model: expected [arguments]");
        var arguments = LogisticModel.Read(reader);
        if (reader.ReadLine() != "[triggers]") throw new InvalidDataException("coder model: expected [triggers] after the argument model");
        var triggers = LogisticModel.Read(reader);
        var calibration = PlattCalibration.Identity;
        while ((line = reader.ReadLine()) is not null && line.Length == 0) { }
        if (line == "[calibration]")
        {
            var parts = (reader.ReadLine() ?? "").Split('\t');
            if (parts.Length != 3 || parts[0] != "platt")
                throw new InvalidDataException("coder model: expected 'platt\tA\tB' after [calibration]");
            calibration = new PlattCalibration(double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
        }
        else if (line is not null) throw new InvalidDataException("coder model: unexpected '" + line + "' after the trigger model");
        return new EventCoder(arguments, triggers, calibration);
    }

    public void Write(TextWriter writer, string header)
    {
        foreach (var h in header.Split('\n')) writer.WriteLine("# " + h);
        writer.WriteLine("[arguments]");
        Arguments.Write(writer);
        writer.WriteLine();
        writer.WriteLine("[triggers]");
        Triggers.Write(writer);
        writer.WriteLine();
        writer.WriteLine("[calibration]");
        writer.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"platt\t{Calibration.A:R}\t{Calibration.B:R}"));
    }

    public static string[] ArgumentClassNames => ArgumentClasses;
    public static string[] TriggerClassNames => TriggerClasses;

    /// <summary>Decides every candidate of a document (one event per candidate; <see cref="Merging.EventFolder"/> folds them).</summary>
    public List<EventRecord> Decide(IReadOnlyList<EventCandidate> candidates)
    {
        var decided = new List<EventRecord>(candidates.Count);
        foreach (var c in candidates) decided.Add(Decide(c));
        return decided;
    }

    /// <summary>One candidate: its roles from the argument model and its confidence from the trigger model.</summary>
    public EventRecord Decide(EventCandidate c)
    {
        var (source, target, pSource, pTarget) = DecodeArguments(c);
        var features = TriggerFeatures(c, source, target, pSource, pTarget);
        double confidence = Calibration.Apply(Triggers.Probability(features, 1));
        return c.Rules with { Source = source, Target = target, Confidence = Math.Round(confidence, 4) };
    }

    /// <summary>
    /// The roles: an actor (over all its mentions) takes its most likely role; a side no actor won takes the likeliest
    /// remaining actor; at most three a side, likeliest first. (Tried: one best mention a side plus those و joins to
    /// it; worse on the seeds and in cross-validation, since a side often names two parties without و between them.)
    /// A meeting's parties are decoded as one set instead (<see cref="DecodeMeeting"/>).
    /// </summary>
    public (List<ActorRef> Source, List<ActorRef> Target, double PSource, double PTarget) DecodeArguments(EventCandidate c) => DecodeArguments(Arguments, c);

    /// <summary>The decoding above with any argument model (training decodes with models that did not see the document).</summary>
    public static (List<ActorRef> Source, List<ActorRef> Target, double PSource, double PTarget) DecodeArguments(LogisticModel arguments, EventCandidate c)
    {
        var actors = Readings(arguments, c);
        if (c.Rules.Type == Events.PloverType.Consult) return DecodeMeeting(arguments, c, actors);
        double maxSource = 0, maxTarget = 0;
        var source = new List<(ActorRef Actor, double P)>(2);
        var target = new List<(ActorRef Actor, double P)>(2);
        foreach (var (actor, none, s, t, _) in actors)
        {
            maxSource = Math.Max(maxSource, s);
            maxTarget = Math.Max(maxTarget, t);
            if (s > none && s >= t) source.Add((actor, s));
            else if (t > none) target.Add((actor, t));
        }
        // A side the argmax left empty takes its likeliest actor not already on the other side, however unlikely: the
        // trigger model reads how likely (p-src, p-tgt) and lowers the event's confidence. (Tried on tune, 5-fold
        // cross-validation over 4 seeds: requiring 0.05, 0.2 or 0.4 to fill a side found fewer right events.)
        if (source.Count == 0) Fill(source, target, x => x.Source);
        if (target.Count == 0) Fill(target, source, x => x.Target);
        source.Sort((a, b) => b.P.CompareTo(a.P));
        target.Sort((a, b) => b.P.CompareTo(a.P));
        Specific(arguments, c, source, target, 1);
        Specific(arguments, c, target, source, 2);
        return (Take(source), Take(target), maxSource, maxTarget);

        void Fill(List<(ActorRef Actor, double P)> side, List<(ActorRef Actor, double P)> other, Func<ActorReading, double> score)
        {
            (ActorRef? Actor, double P) best = (null, -1);
            foreach (var x in actors)
                if (score(x) > best.P && !other.Exists(o => o.Actor.Id == x.Actor.Id)) best = (x.Actor, score(x));
            if (best.Actor is not null) side.Add((best.Actor, best.P));
        }
        static List<ActorRef> Take(List<(ActorRef Actor, double P)> side)
        {
            var list = new List<ActorRef>(Math.Min(3, side.Count));
            for (int i = 0; i < side.Count && i < 3; i++) list.Add(side[i].Actor);
            return list;
        }
    }

    /// <summary>
    /// A meeting's sides are interchangeable (the guideline and the scorer take either order), so its parties are decoded
    /// as one set: the actors the argument model reads as a party (source or target) more likely than not, at least two
    /// and at most four, likeliest first; the likeliest is the source, the others the target. (Tune, 5-fold CV, mean of
    /// seeds 1-4, at 0.45: F0.5 0.380 -> 0.407, recall 0.188 -> 0.211; at most two parties: 0.380, three: 0.394; text order
    /// instead of likelihood: 0.403.)
    /// </summary>
    private static (List<ActorRef> Source, List<ActorRef> Target, double PSource, double PTarget) DecodeMeeting(LogisticModel arguments, EventCandidate c,
        List<ActorReading> actors)
    {
        var ranked = new List<ActorReading>(actors);
        ranked.Sort((a, b) => b.Party.CompareTo(a.Party));
        var source = new List<(ActorRef Actor, double P)>(1);
        var target = new List<(ActorRef Actor, double P)>(3);
        for (int i = 0; i < ranked.Count && i < 4 && (i < 2 || ranked[i].Party > ranked[i].None); i++)
            (i == 0 ? source : target).Add((ranked[i].Actor, ranked[i].Party));
        Specific(arguments, c, source, target, 1);
        Specific(arguments, c, target, source, 2);
        return (source.ConvertAll(x => x.Actor), target.ConvertAll(x => x.Actor), source.Count > 0 ? source[0].P : 0, target.Count > 0 ? target[0].P : 0);
    }

    // an actor's readings over all its mentions: least likely none, likeliest source, likeliest target, likeliest party
    // (source or target in one mention); outlets relay and are never read
    private readonly record struct ActorReading(ActorRef Actor, double None, double Source, double Target, double Party);

    private static List<ActorReading> Readings(LogisticModel arguments, EventCandidate c)
    {
        Span<double> p = stackalloc double[3];
        var actors = new List<ActorReading>(c.Mentions.Count);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in c.Mentions)
        {
            if (m.Kind == "media") continue;
            arguments.Predict(m.Features, p);
            if (index.TryGetValue(m.Actor.Id, out int k))
            {
                var old = actors[k];
                actors[k] = new ActorReading(m.Actor, Math.Min(old.None, p[0]), Math.Max(old.Source, p[1]), Math.Max(old.Target, p[2]), Math.Max(old.Party, p[1] + p[2]));
            }
            else
            {
                index[m.Actor.Id] = actors.Count;
                actors.Add(new ActorReading(m.Actor, p[0], p[1], p[2], p[1] + p[2]));
            }
        }
        return actors;
    }

    /// <summary>
    /// The most specific named actor (guideline): a state or its government on a side gives way to a person of that
    /// state named in the sentence and on neither side (فرض الرئيس الأمريكي دونالد ترامب … → Trump, not the USA); the
    /// likeliest such person for this side.
    /// </summary>
    private static void Specific(LogisticModel arguments, EventCandidate c, List<(ActorRef Actor, double P)> side, List<(ActorRef Actor, double P)> other, int role)
    {
        Span<double> p = stackalloc double[3];
        for (int i = 0; i < side.Count; i++)
        {
            var a = side[i].Actor;
            if (a.Country is not { Length: > 0 } state || !IsState(c, a)) continue;
            (ActorRef? Actor, double P) best = (null, -1);
            foreach (var m in c.Mentions)
            {
                if (m.Kind != "person" || m.Actor.Country != state || !m.InSentence) continue;
                if (Has(side, m.Actor.Id) || Has(other, m.Actor.Id)) continue;
                arguments.Predict(m.Features, p);
                if (p[role] > best.P) best = (m.Actor, p[role]);
            }
            if (best.Actor is not null) side[i] = (best.Actor, side[i].P);
        }

        static bool Has(List<(ActorRef Actor, double P)> list, string id)
        {
            foreach (var x in list) if (x.Actor.Id == id) return true;
            return false;
        }
    }

    // a state: the country itself or its government (not its army, a ministry or a city)
    private static bool IsState(EventCandidate c, ActorRef a)
    {
        foreach (var m in c.Mentions)
            if (m.Actor.Id == a.Id) return m.Kind == "country" || a.Id.EndsWith("-gov", StringComparison.Ordinal) || a.Id.EndsWith("-presidency", StringComparison.Ordinal);
        return false;
    }

    /// <summary>The trigger features plus what the argument model decided.</summary>
    public static string[] TriggerFeatures(EventCandidate c, List<ActorRef> source, List<ActorRef> target, double pSource, double pTarget)
    {
        string type = c.Rules.Type.Name();
        string args = (source.Count > 0 ? "S" : "-") + (target.Count > 0 ? "T" : "-");
        var f = new List<string>(c.TriggerFeatures.Length + 12);
        f.AddRange(c.TriggerFeatures);
        f.Add("args=" + args);
        f.Add("type|args=" + type + "|" + args);
        f.Add("p-src=" + Bucket(pSource));
        f.Add("p-tgt=" + Bucket(pTarget));
        f.Add("type|p-src=" + type + "|" + Bucket(pSource));
        f.Add("type|p-tgt=" + type + "|" + Bucket(pTarget));
        // what kind of actor each side got (a city attacking, an outlet meeting) and whether both sides are one country
        if (source.Count > 0) f.Add("type|src-kind=" + type + "|" + KindOf(c, source[0]));
        if (target.Count > 0) f.Add("type|tgt-kind=" + type + "|" + KindOf(c, target[0]));
        if (source.Count > 0 && target.Count > 0 && source[0].Country is { Length: > 0 } sc && sc == target[0].Country)
            f.Add("type|one-country=" + type);
        return [.. f];
        static string KindOf(EventCandidate c, ActorRef a)
        {
            foreach (var m in c.Mentions)
                if (m.Actor.Id == a.Id) return m.Kind;
            return "?";
        }
        static string Bucket(double p) => p switch { < 0.3 => "lo", < 0.6 => "mid", < 0.85 => "hi", _ => "top" };
    }
}
