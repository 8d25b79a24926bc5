package org.rectify.web;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps the Simplified Chinese translations of the Camunda webapps in sync with the English
 * originals shipped in the camunda-webapp-webjar, in the spirit of Spring PetClinic's
 * I18nPropertiesSyncTest.
 *
 * <p>The English file is read from the classpath, where only the webjar provides it; the Chinese
 * file is the project's override under {@code src/main/resources/META-INF/resources/webjars/...}.
 * When Camunda is upgraded and adds, renames or removes labels, this test lists the keys that
 * need attention.
 */
class WebappLocaleSyncTests {

	private static final String APP_ROOT = "/META-INF/resources/webjars/camunda/app/";

	private static final ObjectMapper MAPPER = new ObjectMapper();

	/** Angular-translate interpolation, e.g. {@code {{ name }}}. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");

	/** moment.js relative-time substitutions, e.g. {@code %d}. */
	private static final Pattern PRINTF = Pattern.compile("%[sd]");

	/** HTML markup that some labels carry and that must survive translation. */
	private static final Pattern HTML_TAG = Pattern
		.compile("</?(?:a|b|br|code|em|i|li|p|span|strong|ul)\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern HTML_ENTITY = Pattern.compile("&[a-zA-Z]+;|&#\\d+;");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	/** moment.js format strings: translated, but not necessarily containing Chinese text. */
	private static final List<String> FORMAT_PREFIXES = List.of("dateLocales.calendar.",
			"dateLocales.longDateFormat.");

	/** Product names that deliberately stay in Latin script. */
	private static final Set<String> LATIN_ALLOWED = Set.of("labels.APP_VENDOR");

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "welcome", "admin" })
	void chineseLabelsMatchEnglish(String app) throws IOException {
		Map<String, JsonNode> en = flatten(read(APP_ROOT + app + "/locales/en.json"));
		Map<String, JsonNode> zh = flatten(read(APP_ROOT + app + "/locales/zh.json"));

		List<String> missing = new ArrayList<>();
		List<String> extra = new ArrayList<>();
		List<String> wrongType = new ArrayList<>();
		List<String> empty = new ArrayList<>();
		List<String> placeholders = new ArrayList<>();
		List<String> markup = new ArrayList<>();
		List<String> untranslated = new ArrayList<>();

		for (Map.Entry<String, JsonNode> entry : en.entrySet()) {
			String key = entry.getKey();
			JsonNode enValue = entry.getValue();
			JsonNode zhValue = zh.get(key);
			if (zhValue == null) {
				missing.add(key);
				continue;
			}
			if (enValue.getNodeType() != zhValue.getNodeType()) {
				wrongType.add(key + " (en " + enValue.getNodeType() + ", zh " + zhValue.getNodeType() + ")");
				continue;
			}
			if (!enValue.isTextual()) {
				continue;
			}
			String enText = enValue.asText();
			String zhText = zhValue.asText();
			if (zhText.isBlank()) {
				if (!enText.isBlank()) {
					empty.add(key);
				}
				continue;
			}
			if (!tokens(PLACEHOLDER, enText).equals(tokens(PLACEHOLDER, zhText))
					|| !tokens(PRINTF, enText).equals(tokens(PRINTF, zhText))) {
				placeholders.add(key + " (en " + tokens(PLACEHOLDER, enText) + tokens(PRINTF, enText) + ", zh "
						+ tokens(PLACEHOLDER, zhText) + tokens(PRINTF, zhText) + ")");
			}
			if (!tokens(HTML_TAG, enText).equals(tokens(HTML_TAG, zhText))) {
				markup.add(key);
			}
			if (needsChinese(key, enText) && !containsCjk(zhText)) {
				untranslated.add(key + " = \"" + zhText + "\"");
			}
		}
		for (String key : zh.keySet()) {
			if (!en.containsKey(key)) {
				extra.add(key);
			}
		}

		StringBuilder problems = new StringBuilder();
		report(problems, "keys missing from zh.json", missing);
		report(problems, "keys in zh.json that en.json does not have", extra);
		report(problems, "values of a different JSON type", wrongType);
		report(problems, "empty values", empty);
		report(problems, "placeholders ({{...}}, %d, %s) differing from English", placeholders);
		report(problems, "HTML markup differing from English", markup);
		report(problems, "values without any Chinese character", untranslated);
		if (problems.length() > 0) {
			fail(app + "/locales/zh.json is out of sync with the webjar's en.json (" + en.size() + " keys):"
					+ problems);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "welcome", "admin" })
	void chineseIsAnAvailableLocale(String app) throws IOException {
		String config;
		try (InputStream in = WebappLocaleSyncTests.class.getResourceAsStream(APP_ROOT + app + "/scripts/config.js")) {
			assertNotNull(in, "config.js of " + app + " not on the classpath");
			config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		// Drop comment lines: the webjar's own config.js only mentions locales in comments.
		String code = config.lines()
			.filter((line) -> !line.stripLeading().startsWith("//") && !line.stripLeading().startsWith("*")
					&& !line.stripLeading().startsWith("/*"))
			.reduce("", (a, b) -> a + b + "\n");
		assertTrue(Pattern.compile("availableLocales['\"]?\\s*:\\s*\\[[^\\]]*['\"]zh['\"]").matcher(code).find(),
				app + "/scripts/config.js does not list \"zh\" in locales.availableLocales");
		assertTrue(Pattern.compile("fallbackLocale['\"]?\\s*:\\s*['\"]zh['\"]").matcher(code).find(),
				app + "/scripts/config.js should make \"zh\" the fallback, so every browser sees Chinese");
	}

	private static boolean needsChinese(String key, String enText) {
		if (LATIN_ALLOWED.contains(key) || FORMAT_PREFIXES.stream().anyMatch(key::startsWith)) {
			return false;
		}
		String words = PRINTF.matcher(HTML_ENTITY.matcher(HTML_TAG.matcher(PLACEHOLDER.matcher(enText).replaceAll(""))
			.replaceAll("")).replaceAll("")).replaceAll("");
		// Pure symbols, numbers or placeholders (e.g. "<", ">=") need no translation.
		return LETTER.matcher(words).find();
	}

	private static boolean containsCjk(String text) {
		return text.codePoints().anyMatch((cp) -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
	}

	private static List<String> tokens(Pattern pattern, String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			// Compare {{ name }} and {{name}} alike.
			found.add(matcher.group().replaceAll("\\s+", ""));
		}
		found.sort(null);
		return found;
	}

	private static void report(StringBuilder problems, String title, List<String> keys) {
		if (!keys.isEmpty()) {
			problems.append("\n  ").append(title).append(" (").append(keys.size()).append("):");
			keys.forEach((key) -> problems.append("\n    ").append(key));
		}
	}

	private static JsonNode read(String resource) throws IOException {
		try (InputStream in = WebappLocaleSyncTests.class.getResourceAsStream(resource)) {
			assertNotNull(in, resource + " not found on the classpath");
			// Jackson skips the UTF-8 byte order mark the webjar's files start with.
			return MAPPER.readTree(in);
		}
	}

	private static Map<String, JsonNode> flatten(JsonNode root) {
		Map<String, JsonNode> flat = new LinkedHashMap<>();
		flatten("", root, flat);
		return flat;
	}

	private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> flat) {
		if (node.isObject()) {
			Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), flat);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				flatten(prefix + "[" + i + "]", node.get(i), flat);
			}
		}
		else {
			flat.put(prefix, node);
		}
	}

}
