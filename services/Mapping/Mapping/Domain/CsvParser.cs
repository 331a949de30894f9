using System.Text;

namespace PushInventory.Mapping.Domain;

/// <summary>
/// A small RFC 4180 reader: comma-separated fields, CRLF or LF line ends, fields optionally in double
/// quotes (which may hold commas, line breaks and doubled quotes). A quote inside an unquoted field, text
/// after a closing quote, or a quote never closed is a <see cref="CsvFormatException"/> naming the line.
/// Empty lines are skipped.
/// </summary>
internal static class CsvParser
{
    public static async IAsyncEnumerable<IReadOnlyList<string>> ReadAsync(TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var buffer = new char[16 * 1024];
        var line = 1;
        var inQuotes = false;
        var afterQuote = false;
        var fieldStarted = false;
        var pendingCr = false;
        var quoteLine = 0;
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (pendingCr)
                {
                    pendingCr = false;
                    if (c == '\n')
                    {
                        continue;
                    }
                }

                if (inQuotes)
                {
                    if (c == '"')
                    {
                        inQuotes = false;
                        afterQuote = true;
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            line++;
                        }

                        field.Append(c);
                    }

                    continue;
                }

                if (afterQuote && c == '"')
                {
                    // A doubled quote inside a quoted field.
                    field.Append('"');
                    inQuotes = true;
                    afterQuote = false;
                    continue;
                }

                switch (c)
                {
                    case ',':
                        fields.Add(field.ToString());
                        field.Clear();
                        afterQuote = false;
                        fieldStarted = true;
                        break;
                    case '\r' or '\n':
                        pendingCr = c == '\r';
                        if (fieldStarted || field.Length > 0 || fields.Count > 0 || afterQuote)
                        {
                            fields.Add(field.ToString());
                            yield return fields;
                            fields = [];
                        }

                        field.Clear();
                        afterQuote = false;
                        fieldStarted = false;
                        line++;
                        break;
                    case '"':
                        if (field.Length > 0 || afterQuote)
                        {
                            throw new CsvFormatException($"Line {line}: a quote inside an unquoted field; quote the whole field and double the quotes inside it.");
                        }

                        inQuotes = true;
                        fieldStarted = true;
                        quoteLine = line;
                        break;
                    default:
                        if (afterQuote)
                        {
                            throw new CsvFormatException($"Line {line}: text after a closing quote; a quoted field must end at a comma or a line end.");
                        }

                        field.Append(c);
                        fieldStarted = true;
                        break;
                }
            }
        }

        if (inQuotes)
        {
            throw new CsvFormatException($"Line {quoteLine}: a quoted field is never closed.");
        }

        if (fieldStarted || field.Length > 0 || fields.Count > 0 || afterQuote)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
