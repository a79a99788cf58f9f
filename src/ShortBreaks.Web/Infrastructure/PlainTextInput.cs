namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// A page that checks every text field of its forms with <see cref="PlainText"/> in its own rules (the request
/// questions, through <see cref="RequestRules"/>), so its own field-level messages speak instead of the
/// general guard's.
/// </summary>
public interface IChecksPlainText;

/// <summary>
/// Refuses an address whose query string has a control character, an unpaired surrogate or bytes that are not
/// UTF-8, before anything reads it: problem details under /api, the error page elsewhere, never a 500.
/// </summary>
public sealed class PlainTextQueryGuard(RequestDelegate next)
{
    public const string RefusalItem = "ShortBreaks.InputRefused";

    public async Task InvokeAsync(HttpContext context)
    {
        if (PlainText.IsAcceptableQuery(context.Request.QueryString.Value, out var name))
        {
            await next(context);
            return;
        }

        var where = string.IsNullOrEmpty(name) ? "the query string" : $"the query string (in '{name}')";
        var detail = $"There are hidden characters such as control characters, or bytes that are not UTF-8, in {where}. Remove them and try again.";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request could not be read", detail: detail).ExecuteAsync(context);
            return;
        }

        context.Items[RefusalItem] = "The web address has hidden characters such as control characters in it. Check the address, or go back and try again.";
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}

/// <summary>
/// The framework cannot read a form with a NUL in it at all ("%00" fails the whole form, so the page never learns
/// which field it was in), and it keeps bytes that are not UTF-8 as their "%FF" escapes, as if they were typed.
/// In a small form both are marked instead with U+FFFD, which <see cref="PlainText"/> refuses like any control
/// character, so the page names the field. Nothing marked is ever stored: it is refused.
/// </summary>
public sealed class FormTextMarker(RequestDelegate next)
{
    /// <summary>Forms read whole to look for NULs; larger ones are left to the framework's own limits.</summary>
    public const int MaxBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true &&
            request.ContentLength is null or <= MaxBytes)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxBytes) break;
            }

            var bytes = buffer.ToArray();
            if (buffer.Length > MaxBytes)
            {
                // Too large to look at: the rest is read as it comes, after what was read already.
                request.Body = new ConcatenatedStream(bytes, request.Body);
            }
            else
            {
                var marked = Mark(bytes);
                request.Body = new MemoryStream(marked, writable: false);
                request.ContentLength = marked.Length;
            }
        }

        await next(context);
    }

    /// <summary>Each name and value with a NUL, or with bytes that are not UTF-8, re-encoded with U+FFFD in their place.</summary>
    private static byte[] Mark(byte[] body)
    {
        // A form body is ASCII; Latin-1 keeps any other byte as one character, so nothing is lost reading it.
        var text = Encoding.Latin1.GetString(body);
        var changed = false;
        var pairs = text.Split('&');
        for (var p = 0; p < pairs.Length; p++)
        {
            var parts = pairs[p].Split('=', 2);
            for (var i = 0; i < parts.Length; i++)
            {
                var bytes = Decode(parts[i]);
                if (bytes.AsSpan().IndexOf((byte)0) < 0 && System.Text.Unicode.Utf8.IsValid(bytes)) continue;
                parts[i] = Uri.EscapeDataString(Encoding.UTF8.GetString(bytes).Replace('\0', '\uFFFD'));
                changed = true;
            }

            pairs[p] = string.Join('=', parts);
        }

        return changed ? Encoding.ASCII.GetBytes(string.Join('&', pairs)) : body;
    }

    private static byte[] Decode(string part)
    {
        var bytes = new List<byte>(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (part[i] == '%' && i + 2 < part.Length && Uri.IsHexDigit(part[i + 1]) && Uri.IsHexDigit(part[i + 2]))
            {
                bytes.Add(Convert.ToByte(part.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)part[i]);
            }
        }

        return bytes.ToArray();
    }

    /// <summary>Bytes already read, then the rest of the original body.</summary>
    private sealed class ConcatenatedStream(byte[] first, Stream rest) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position < first.Length)
            {
                var n = Math.Min(buffer.Length, first.Length - _position);
                first.AsMemory(_position, n).CopyTo(buffer);
                _position += n;
                return n;
            }

            return await rest.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}

/// <summary>
/// Every form posted to a page is checked with <see cref="PlainText"/> before its handler runs (line breaks and
/// tabs are let through here: a textarea may have them; one-line answers are checked by the page's own rules).
/// A page with its own checks (<see cref="IChecksPlainText"/>) gives its own messages. Any other GOV.UK page is
/// shown again, as it is read, with the error summary naming each field and nothing saved; a page with no way to
/// show that answers with the error page (400).
/// </summary>
public sealed class PlainTextFormFilter : IAsyncPageFilter
{
    private const string RefusedItem = "ShortBreaks.RefusedFields";
    private const string ReadItem = "ShortBreaks.RefusedFieldsShownBy";

    public async Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        var request = context.HttpContext.Request;
        // The error page shown for a refused form is not checked again.
        if (context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null ||
            context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null)
        {
            return;
        }
        // Multipart forms (file uploads) are read by their pages, which check their own fields and limits.
        if (HttpMethods.IsGet(request.Method) || !request.HasFormContentType ||
            request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true)
        {
            return;
        }

        var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
        var refused = form
            .Where(f => !PlainText.IsAcceptable(f.Key) || f.Value.Any(v => !PlainText.IsAcceptable(v, longText: true)))
            .Select(f => PlainText.IsAcceptable(f.Key) ? f.Key : "")
            .Distinct()
            .ToList();
        if (refused.Count == 0 || (context.HandlerInstance is IChecksPlainText && refused.All(f => f.Length > 0))) return;

        context.HttpContext.Items[RefusedItem] = refused;
        // Show the page as it is read instead of running what the form asked for.
        var read = context.ActionDescriptor.HandlerMethods.FirstOrDefault(h => h.HttpMethod == "Get" && string.IsNullOrEmpty(h.Name));
        if (context.HandlerInstance is GovukPageModel && read is not null)
        {
            context.HandlerMethod = read;
            context.HttpContext.Items[ReadItem] = read;
        }
    }

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.Items[RefusedItem] is not List<string> refused)
        {
            await next();
            return;
        }

        if (context.HandlerMethod is null || context.HandlerMethod != context.HttpContext.Items[ReadItem] || context.HandlerInstance is not GovukPageModel page)
        {
            context.Result = Refusal(context.HttpContext);
            return;
        }

        var executed = await next();
        if (executed.Result is PageResult or null)
        {
            page.AddErrors(refused.Select(field => new FieldError(field, PlainText.Message(Label(field)))));
        }
        else
        {
            executed.Result = Refusal(context.HttpContext);
        }
    }

    private static StatusCodeResult Refusal(HttpContext context)
    {
        context.Items[PlainTextQueryGuard.RefusalItem] = $"An answer {PlainText.Refusal}. Go back, remove them and try again.";
        return new StatusCodeResult(StatusCodes.Status400BadRequest);
    }

    /// <summary>"Input.WhatMattersToMe" becomes "What matters to me".</summary>
    internal static string Label(string field)
    {
        var name = field.Split('.').Last();
        var bracket = name.IndexOf('[');
        if (bracket >= 0) name = name[..bracket];
        if (name.Length == 0) return "This answer";
        var words = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1])) words.Append(' ');
            words.Append(i == 0 ? char.ToUpperInvariant(name[i]) : char.ToLowerInvariant(name[i]));
        }

        return words.ToString();
    }
}
