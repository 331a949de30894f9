using System.ComponentModel.DataAnnotations;
using Shouldly;
using Xunit;

namespace PushInventory.ServiceDefaults.Tests;

public sealed class TimeSpanRangeTests
{
    sealed class Settings
    {
        [TimeSpanRange("00:00:01", "00:10:00")]
        public TimeSpan Interval { get; set; }
    }

    static List<ValidationResult> Validate(Settings settings)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Bounds_AreIncluded_AndAValueOutside_IsNamedWithTheRange()
    {
        Validate(new Settings { Interval = TimeSpan.FromSeconds(1) }).ShouldBeEmpty();
        Validate(new Settings { Interval = TimeSpan.FromMinutes(10) }).ShouldBeEmpty();

        var error = Validate(new Settings { Interval = TimeSpan.FromMilliseconds(999) }).ShouldHaveSingleItem();
        error.ErrorMessage.ShouldBe("The field Interval must be between 00:00:01 and 00:10:00.");
        Validate(new Settings { Interval = TimeSpan.FromMinutes(11) }).ShouldHaveSingleItem();
    }

    [Fact]
    public void ValidatedFromManyThreadsAtOnce_NeverThrows()
    {
        // RangeAttribute(typeof(TimeSpan), …) converts its bounds on first use without a lock, and threads that
        // meet there can throw InvalidCastException (dotnet/runtime#1143). Fresh attributes each time, so every
        // round is a first use.
        var errors = new List<Exception>();
        for (var round = 0; round < 1000; round++)
        {
            var attribute = new TimeSpanRangeAttribute("00:00:01", "00:10:00");
            using var start = new Barrier(4);
            var results = new bool[4];
            var threads = Enumerable.Range(0, 4).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    results[i] = attribute.IsValid(TimeSpan.FromSeconds(30));
                }
                catch (Exception ex)
                {
                    lock (errors)
                    {
                        errors.Add(ex);
                    }
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            errors.ShouldBeEmpty();
            results.ShouldAllBe(valid => valid);
        }
    }
}
