using Marsad.Analysis.Documents;
using Marsad.Storage.Records;

namespace Marsad.Storage.Tests;

// The counts behind the timeline and map pages, and the event filters of a network edge and a map place.
public abstract partial class StoreConformanceTests
{
    [Fact]
    public void Events_are_counted_per_day_and_type_and_per_place_under_the_event_filters()
    {
        using var store = StoreAll(out _, out _, out _);
        var days = store.EventDayCounts(new EventQuery());
        // A and B report one meeting: one merged event on its day.
        Assert.Contains(new DayTypeCount("2021-06-16", "CONSULT", 1), days);
        Assert.Contains(new DayTypeCount("2021-04-15", "COERCE", 1), days);
        Assert.Equal(store.Events(new EventQuery()).Count(e => e.Day is not null), days.Sum(d => d.Events));
        Assert.Equal(days.OrderBy(d => d.Day, StringComparer.Ordinal).ThenBy(d => d.Type, StringComparer.Ordinal), days);
        Assert.Equal(["COERCE"], store.EventDayCounts(new EventQuery { Type = "COERCE" }).Select(d => d.Type));
        Assert.Empty(store.EventDayCounts(new EventQuery { Since = "2022-01-01" }));

        var place = Assert.Single(store.EventPlaceCounts(new EventQuery()));
        Assert.Equal((new LocationInfo("جنيف", "Geneva", "CHE"), 1), (place.Location, place.Events));
        Assert.Empty(store.EventPlaceCounts(new EventQuery { Type = "SANCTION" }));

        // The near duplicate, the rejection and the unreadable file are not publications.
        Assert.Equal(new PublicationRange("2021-04-15", "2021-06-16", 3), store.PublicationDays());
    }

    [Fact]
    public void Events_filter_by_directed_actor_sides_and_by_exact_place()
    {
        using var store = StoreAll(out _, out _, out _);
        var meeting = Assert.Single(store.Events(new EventQuery { SourceId = TestDocuments.Putin.Id, TargetId = TestDocuments.Biden.Id }));
        Assert.Equal("CONSULT", meeting.Type);
        Assert.Empty(store.Events(new EventQuery { SourceId = TestDocuments.Biden.Id, TargetId = TestDocuments.Putin.Id }));
        Assert.Equal(["COERCE", "SANCTION"], store.Events(new EventQuery { SourceId = TestDocuments.Usa.Id }).Select(e => e.Type).Order());
        Assert.Empty(store.Events(new EventQuery { TargetId = TestDocuments.Usa.Id }));
        Assert.Equal(meeting.GlobalId, Assert.Single(store.Events(new EventQuery { Place = "Geneva" })).GlobalId);
        Assert.Single(store.Events(new EventQuery { Place = "جنيف", PlaceCountry = "che" }));
        Assert.Empty(store.Events(new EventQuery { Place = "Gene" }));                // the whole name, not a part
        Assert.Empty(store.Events(new EventQuery { Place = "Geneva", PlaceCountry = "USA" }));
        // PlaceCountry is the location's country only: the US acts in events, but none is located there.
        Assert.Empty(store.Events(new EventQuery { PlaceCountry = "USA" }));
        Assert.Equal(2, store.Events(new EventQuery { Country = "USA" }).Count(e => e.Type != "CONSULT"));
        Assert.Equal(3, store.Events(new EventQuery { NotNegated = true }).Count);
    }
}
