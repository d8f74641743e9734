import type { LocalizedText } from '@qadam/contracts';

interface ErrorSpec {
  status: number;
  message: LocalizedText;
}

/**
 * Every error the API can answer with: a stable code (clients branch on it), its HTTP status,
 * and a message a teacher can act on, in kk, ru and en. `{name}` placeholders are filled from
 * the error's params.
 */
export const ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    message: {
      kk: 'Кейбір өрістер дұрыс толтырылмаған. Белгіленген өрістерді түзетіңіз.',
      ru: 'Некоторые поля заполнены неверно. Исправьте отмеченные поля.',
      en: 'Some fields are not filled in correctly. Please correct the marked fields.',
    },
  },
  MALFORMED_REQUEST: {
    status: 400,
    message: {
      kk: 'Сұраудың пішімі қате, оны оқу мүмкін болмады.',
      ru: 'Запрос имеет неверный формат, его не удалось прочитать.',
      en: 'The request is malformed and could not be read.',
    },
  },
  UNAUTHENTICATED: {
    status: 401,
    message: {
      kk: 'Жүйеге кіріңіз немесе қайта кіріңіз.',
      ru: 'Войдите в систему или войдите снова.',
      en: 'Please sign in, or sign in again.',
    },
  },
  INVALID_CREDENTIALS: {
    status: 401,
    message: {
      kk: 'Электрондық пошта немесе құпиясөз қате.',
      ru: 'Неверный адрес электронной почты или пароль.',
      en: 'Wrong email or password.',
    },
  },
  INVALID_REFRESH_TOKEN: {
    status: 401,
    message: {
      kk: 'Сессияның мерзімі бітті. Қайта кіріңіз.',
      ru: 'Сеанс истёк. Войдите снова.',
      en: 'Your session has expired. Please sign in again.',
    },
  },
  REFRESH_TOKEN_REUSED: {
    status: 401,
    message: {
      kk: 'Қауіпсіздік үшін барлық құрылғылардағы сессия аяқталды. Қайта кіріңіз.',
      ru: 'В целях безопасности сеанс завершён на всех устройствах. Войдите снова.',
      en: 'For your security, your session was ended on all devices. Please sign in again.',
    },
  },
  FORBIDDEN: {
    status: 403,
    message: {
      kk: 'Бұл әрекетке рұқсатыңыз жоқ.',
      ru: 'У вас нет прав на это действие.',
      en: 'You do not have permission to do this.',
    },
  },
  NOT_FOUND: {
    status: 404,
    message: {
      kk: 'Сұралған нысан табылмады.',
      ru: 'Запрошенный объект не найден.',
      en: 'The requested item was not found.',
    },
  },
  EMAIL_TAKEN: {
    status: 409,
    message: {
      kk: 'Бұл электрондық пошта бұрын тіркелген. Кіріңіз немесе басқа поштаны көрсетіңіз.',
      ru: 'Этот адрес электронной почты уже зарегистрирован. Войдите или укажите другой адрес.',
      en: 'This email is already registered. Sign in, or use another email.',
    },
  },
  IIN_TAKEN: {
    status: 409,
    message: {
      kk: 'Бұл ЖСН басқа тіркелгіде көрсетілген. Қате деп ойласаңыз, қолдау қызметіне жазыңыз.',
      ru: 'Этот ИИН уже указан в другой учётной записи. Если это ошибка, напишите в поддержку.',
      en: 'This IIN is already used by another account. If this is a mistake, contact support.',
    },
  },
  CANNOT_REMOVE_OWN_ADMIN: {
    status: 409,
    message: {
      kk: 'Өзіңізден әкімші рөлін ала алмайсыз: мұны басқа әкімші жасауы керек.',
      ru: 'Нельзя снять роль администратора с себя: это должен сделать другой администратор.',
      en: 'You cannot remove your own admin role; another admin must do it.',
    },
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    message: {
      kk: 'Жіберілген деректер тым үлкен.',
      ru: 'Отправленные данные слишком велики.',
      en: 'The data sent is too large.',
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: {
      kk: 'Деректер JSON пішімінде (application/json) жіберілуі керек.',
      ru: 'Данные нужно отправлять в формате JSON (application/json).',
      en: 'Data must be sent as JSON (application/json).',
    },
  },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    message: {
      kk: 'Кіру әрекеттері тым көп. {minutes} минуттан кейін қайталаңыз.',
      ru: 'Слишком много попыток входа. Повторите через {minutes} мин.',
      en: 'Too many sign-in attempts. Try again in {minutes} min.',
    },
  },
  REQUEST_REJECTED: {
    status: 400,
    message: {
      kk: 'Сұрау қабылданбады.',
      ru: 'Запрос отклонён.',
      en: 'The request was rejected.',
    },
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    message: {
      kk: 'Қызмет уақытша қолжетімсіз. Біраздан кейін қайталаңыз.',
      ru: 'Сервис временно недоступен. Повторите попытку чуть позже.',
      en: 'The service is temporarily unavailable. Please try again shortly.',
    },
  },
  INTERNAL_ERROR: {
    status: 500,
    message: {
      kk: 'Серверде күтпеген қате болды. Кейінірек қайталаңыз; қате қайталанса, қолдау қызметіне сұрау кодын ({requestId}) хабарлаңыз.',
      ru: 'На сервере произошла непредвиденная ошибка. Повторите позже; если ошибка повторится, сообщите в поддержку код запроса ({requestId}).',
      en: 'Something went wrong on the server. Try again later; if it happens again, give support the request code ({requestId}).',
    },
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;
