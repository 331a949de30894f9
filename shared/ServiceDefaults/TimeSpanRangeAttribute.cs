using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace PushInventory.ServiceDefaults;

/// <summary>
/// A <see cref="TimeSpan"/> setting between <paramref name="minimum"/> and <paramref name="maximum"/> (constant
/// strings, <c>[d.]hh:mm:ss[.fff]</c>), both included. Instead of <c>[Range(typeof(TimeSpan), …)]</c>, whose
/// bounds are converted on first use without a lock: two hosts of one process validating the same options at
/// once could fail with an <see cref="InvalidCastException"/> (dotnet/runtime#1143; it failed a test host's start
/// here). These bounds are parsed once, when the attribute is made, and never change.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class TimeSpanRangeAttribute(string minimum, string maximum)
    : ValidationAttribute("The field {0} must be between {1} and {2}.")
{
    public TimeSpan Minimum { get; } = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);

    public TimeSpan Maximum { get; } = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    public override bool IsValid(object? value) => value is not TimeSpan span || (span >= Minimum && span <= Maximum);

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.CurrentCulture, ErrorMessageString, name, Minimum, Maximum);
}
