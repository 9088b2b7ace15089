;;; emacs-client.el --- Emacs batch: promise-mode, eglot and flymake -*- lexical-binding: t -*-
;; Opens a .promise file in `promise-mode', connects eglot to the real
;; `promise lsp' and waits for flymake to show the server's diagnostics;
;; checks their columns on a line with accented letters and an emoji (Emacs
;; counts characters, eglot converts from UTF-16). Then the flymake backend
;; without eglot. Prints PASS:/FAIL: lines.
(require 'package)
;; Debian installs elpa-* packages here; -Q skips the site start-up that
;; would add them.
(add-to-list (quote package-directory-list) "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'eglot)
(require 'promise-mode)

(defun check (name ok &optional detail)
  (princ (format "%s: emacs: %s\n" (if ok "PASS" "FAIL") name))
  (unless ok (princ (format "%S\n" detail))))

(defun wait-for (pred secs)
  (let ((deadline (+ (float-time) secs)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall pred)))

(defun find-diag (rule)
  (seq-find (lambda (d) (string-match-p (regexp-quote rule)
                                        (format "%s %s" (flymake-diagnostic-text d)
                                                (flymake-diagnostic-type d))))
            (flymake-diagnostics)))

;; Characters from the start of the line (not display columns: 😀 is wide).
(defun column-of (pos) (save-excursion (goto-char pos) (- pos (line-beginning-position))))

(let* ((dir (file-name-as-directory (getenv "WORKDIR")))
       (file (expand-file-name "quote.promise" dir))
       (header "promise K-1: Send Åsa the café 😀 quote as soon as possible"))
  (with-temp-file file
    (insert "# Fjällvind — the quote\n" header "\n"
            "  by:        José Núñez\n  to:        Åsa Öberg\n  made:      2026-11-02\n"
            "  due:       soon\n  recorded:  email #4411, 2026-11-02\n"
            "  in-return: the signed order form by 2026-12-01\n"))
  (setq eglot-server-programs (list (list 'promise-mode (getenv "PROMISE") "lsp")))
  (find-file file)
  (check "promise-mode for .promise" (eq major-mode 'promise-mode) major-mode)
  (font-lock-ensure)
  (syntax-propertize (point-max))
  (goto-char (point-min))
  (check "a line starting with # is a comment" (nth 4 (syntax-ppss (+ (point-min) 3))))
  (search-forward "#4411")
  (check "a # inside a value is text" (not (nth 4 (syntax-ppss (point)))))
  (flymake-mode 1)
  (apply #'eglot--connect (eglot--guess-contact))
  (check "eglot connected" (wait-for (lambda () (eglot-current-server)) 20))
  (flymake-start)
  (wait-for (lambda () (find-diag "vague wording")) 20)
  (let ((d (find-diag "vague wording"))
        (col (string-match "as soon" header)))
    (check "flymake shows the server's vague wording" d (flymake-diagnostics))
    (when d
      (check "at the right column (characters)"
             (and (= (column-of (flymake-diagnostic-beg d)) col)
                  (= (- (flymake-diagnostic-end d) (flymake-diagnostic-beg d))
                     (length "as soon as possible"))
                  (= (line-number-at-pos (flymake-diagnostic-beg d)) 2))
             (list (column-of (flymake-diagnostic-beg d)) col))))
  (check "and the vague due" (find-diag "is not a date") (flymake-diagnostics))
  (eglot-shutdown (eglot-current-server))
  ;; Flymake alone, through `promise lint'.
  (setq promise-program (getenv "PROMISE"))
  (flymake-mode 0)
  (flymake-mode 1)
  (flymake-start)
  (wait-for (lambda () (find-diag "[vague-wording]")) 20)
  (let ((d (find-diag "[vague-wording]")))
    (check "flymake backend without eglot" d (flymake-diagnostics))
    (when d
      (check "its column too"
             (= (column-of (flymake-diagnostic-beg d)) (string-match "as soon" header))))))
