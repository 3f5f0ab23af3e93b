package org.timbrelab.engine.eval;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioTransform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes the examples page (course exercise 7): per input the original and every domain's
 * conversion as audio players with spectrogram pictures, latent interpolation strips between
 * consecutive inputs, and random samples per domain. Plain HTML with inline CSS, no scripts and
 * no network assets; every referenced file is written by this exporter ({@link SiteWriter}).
 *
 * @param interpolationSteps clips per interpolation strip (≥ 2)
 * @param interpolationPairs strips per domain (pairs of consecutive inputs)
 * @param samplesPerDomain   random samples per domain
 * @param sampleSeconds      length of a random sample
 */
public record ExamplesExporter(int interpolationSteps, int interpolationPairs, int samplesPerDomain, double sampleSeconds) {

    public static final ExamplesExporter DEFAULT = new ExamplesExporter(5, 1, 3, 3.0);

    public ExamplesExporter {
        if (interpolationSteps < 2) throw new IllegalArgumentException("interpolationSteps must be >= 2, got " + interpolationSteps);
        if (interpolationPairs < 0 || samplesPerDomain < 0) throw new IllegalArgumentException("counts must be >= 0");
        if (!(sampleSeconds > 0)) throw new IllegalArgumentException("sampleSeconds must be > 0, got " + sampleSeconds);
    }

    private static final int WIDE = 480, THUMB = 200, HEIGHT = 160, THUMB_HEIGHT = 96;

    /** Writes {@code out/index.html} and its media; returns the site's files. {@code log} gets progress lines. */
    public Set<String> export(ExampleModel model, AudioTransform transform, List<NamedClip> inputs, Path out,
                              Consumer<String> log) throws IOException {
        if (inputs.isEmpty()) throw new IllegalArgumentException("no input clips to export");
        SiteWriter site = new SiteWriter(out);
        Html html = new Html("Timbre Lab examples — " + model.name());
        html.raw("<p>Preset <b>").text(model.name()).raw("</b>, domains: ").text(String.join(", ", model.domains()))
                .raw(". Every clip below was produced by this preset on this machine; spectrograms are the model's log-mel input/output.</p>\n");

        html.raw("<h2>Conversions</h2>\n");
        Set<String> used = new LinkedHashSet<>();
        int done = 0;
        for (NamedClip in : inputs) {
            String id = unique(SiteWriter.slug(in.name()), used);
            html.raw("<section><h3>").text(in.name()).raw("</h3>\n<div class=\"row\">\n");
            cell(html, site, transform, "conversions/" + id + "/original", "original", in.clip(), WIDE, HEIGHT);
            Map<String, AudioClip> outs = model.convertAll(in.clip());
            for (String d : model.domains()) {
                AudioClip c = outs.get(d);
                if (c == null) throw new IllegalStateException("model returned no conversion into '" + d + "' for " + in.name());
                cell(html, site, transform, "conversions/" + id + "/" + SiteWriter.slug(d), "→ " + d, c, WIDE, HEIGHT);
            }
            html.raw("</div></section>\n");
            log.accept(String.format("examples: %d/%d inputs converted", ++done, inputs.size()));
        }

        if (inputs.size() >= 2 && interpolationPairs > 0) {
            html.raw("<h2>Latent interpolation</h2>\n<p>Decoded from points between the latent maps of two inputs (t = 0 … 1).</p>\n");
            for (String d : model.domains())
                for (int p = 0; p < Math.min(interpolationPairs, inputs.size() - 1); p++) {
                    NamedClip a = inputs.get(p), b = inputs.get(p + 1);
                    List<AudioClip> strip = model.interpolate(a.clip(), b.clip(), d, interpolationSteps);
                    html.raw("<section><h3>").text(d + ": " + a.name() + " → " + b.name()).raw("</h3>\n<div class=\"row\">\n");
                    for (int s = 0; s < strip.size(); s++) {
                        String t = String.format(java.util.Locale.ROOT, "t = %.2f", s / (double) (strip.size() - 1));
                        cell(html, site, transform, "interpolation/" + SiteWriter.slug(d) + "-" + p + "/step-" + s, t, strip.get(s), THUMB, THUMB_HEIGHT);
                    }
                    html.raw("</div></section>\n");
                }
        }

        if (samplesPerDomain > 0) {
            html.raw("<h2>Random samples</h2>\n<p>Decoded from random latent maps (standard normal).</p>\n");
            for (String d : model.domains()) {
                html.raw("<section><h3>").text(d).raw("</h3>\n<div class=\"row\">\n");
                for (int s = 0; s < samplesPerDomain; s++)
                    cell(html, site, transform, "samples/" + SiteWriter.slug(d) + "-" + s, "seed " + s,
                            model.sample(d, sampleSeconds, s), THUMB, THUMB_HEIGHT);
                html.raw("</div></section>\n");
            }
            log.accept("examples: samples written");
        }
        site.page("index.html", html.finish());
        return site.written();
    }

    private static void cell(Html html, SiteWriter site, AudioTransform transform, String base, String caption, AudioClip clip,
                             int width, int height) throws IOException {
        String wav = site.audio(base + ".wav", clip);
        String png = site.image(base + ".png", transform.forward(clip), null, width, height);
        html.raw("<figure><img src=\"").attr(png).raw("\" alt=\"spectrogram: ").attr(caption).raw("\">\n<figcaption>").text(caption)
                .raw("</figcaption>\n<audio controls preload=\"none\" src=\"").attr(wav).raw("\"></audio></figure>\n");
    }

    private static String unique(String id, Set<String> used) {
        String u = id;
        for (int i = 2; !used.add(u); i++) u = id + "-" + i;
        return u;
    }

    /** Minimal HTML builder that escapes text and attribute values. */
    static final class Html {
        private final StringBuilder sb = new StringBuilder();

        Html(String title) {
            sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                    .append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:1400px}"
                            + ".row{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0}figcaption{font-size:90%}"
                            + "img{display:block}audio{width:100%}</style></head><body>\n<h1>").append(escape(title)).append("</h1>\n");
        }

        Html raw(String s) { sb.append(s); return this; }

        Html text(String s) { sb.append(escape(s)); return this; }

        Html attr(String s) { sb.append(escape(s)); return this; }

        String finish() { return sb.append("</body></html>\n").toString(); }

        static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
