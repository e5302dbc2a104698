package fr.pairaidance.labelling.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A label's printable certificate: one A4 page with the label number, the holder's public name, the
 * scope, the dates and a QR code of the public verification page of that number (drawn as vector
 * squares, so it prints sharp). Texts come already in the holder's language.
 */
final class Certificate {

    /** One line of the certificate: a label and its value. */
    record Line(String label, String value) {
    }

    private static final float MARGIN = 56;

    private Certificate() {
    }

    static byte[] pdf(String title, String intro, List<Line> lines, String verifyText, String verifyUrl) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            float width = page.getMediaBox().getWidth();
            float y = page.getMediaBox().getHeight() - MARGIN;
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                y = write(text, bold, 22, MARGIN, y, title);
                y -= 10;
                y = write(text, regular, 12, MARGIN, y, intro);
                y -= 18;
                for (Line line : lines) {
                    y = write(text, bold, 12, MARGIN, y, line.label());
                    y = write(text, regular, 14, MARGIN + 12, y, line.value());
                    y -= 8;
                }
                float size = 170;
                float top = y - 10;
                qr(text, verifyUrl, width - MARGIN - size, top - size, size);
                write(text, regular, 11, MARGIN, top - 20, verifyText);
                write(text, bold, 11, MARGIN, top - 38, verifyUrl);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float write(PDPageContentStream stream, PDFont font, float size, float x, float y, String text)
            throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, y - size);
        stream.showText(encodable(font, text));
        stream.endText();
        return y - size * 1.5f;
    }

    /** The text with the characters the standard font cannot draw replaced (it covers French and Latin-1). */
    private static String encodable(PDFont font, String text) {
        StringBuilder kept = new StringBuilder();
        text.codePoints().forEach(c -> {
            String s = new String(Character.toChars(c));
            try {
                font.encode(s);
                kept.append(s);
            } catch (IOException | IllegalArgumentException e) {
                kept.append('?');
            }
        });
        return kept.toString();
    }

    private static void qr(PDPageContentStream stream, String content, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("QR code of " + content, e);
        }
        float cell = size / matrix.getWidth();
        stream.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    stream.addRect(x + col * cell, y + size - (row + 1) * cell, cell, cell);
                }
            }
        }
        stream.fill();
    }
}
